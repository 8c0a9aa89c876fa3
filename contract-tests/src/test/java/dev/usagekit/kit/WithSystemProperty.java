package dev.usagekit.kit;

/** Runs a test with a system property set, then puts back what was there (or nothing). */
final class WithSystemProperty {

    private WithSystemProperty() {
    }

    static void run(String name, String value, Runnable test) {
        String before = System.getProperty(name);
        System.setProperty(name, value);
        try {
            test.run();
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
    }
}

package dev.usagekit.emulator.catalogue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Builds the catalogue from fixture accounts plus accounts given only as {@code AK:SK} credentials. A credentials-only
 * account owns a generated catalogue (Datafaker names, stable for a given seed and key) plus the resources of the
 * vendor documentation examples, so the docs' requests work with any key.
 */
public final class CatalogueFactory {

    private static final String[] PRODUCER_REGIONS = {"cn-shanghai", "cn-beijing", "cn-hangzhou", "cn-shenzhen",
        "ap-southeast-1"};

    /** The setting of the credentials-only accounts. */
    public static final String CREDENTIALS_SETTING = "emulator.credentials";

    private CatalogueFactory() {
    }

    /**
     * An entry of emulator.credentials the emulator cannot take. The message names the setting, as a control plane
     * answer needs; {@link #problem()} does not, for the startup report, which names the setting itself.
     */
    public static final class InvalidCredentialsException extends IllegalArgumentException {

        private final String problem;

        InvalidCredentialsException(String problem) {
            super(CREDENTIALS_SETTING + " " + problem);
            this.problem = problem;
        }

        /** What is wrong, starting with the entry or entries: "entry 2 of 3 has ...". */
        public String problem() {
            return problem;
        }
    }

    /** @throws InvalidCredentialsException naming the entry of emulator.credentials whose key the catalogue has */
    public static Catalogue build(List<Account> fixtureAccounts, List<AccessKey> credentials, long seed) {
        Catalogue fixtures = new Catalogue(fixtureAccounts);
        List<Account> accounts = new ArrayList<>(fixtureAccounts);
        for (int i = 0; i < credentials.size(); i++) {
            AccessKey key = credentials.get(i);
            String entry = "entry " + (i + 1) + " of " + credentials.size();
            fixtures.accountByAccessKey(key.accessKeyId()).ifPresent(owner -> {
                throw new InvalidCredentialsException(entry + " has the access key " + key.accessKeyId()
                        + " of catalogue account " + owner.accountId() + "; give another key or leave the entry out");
            });
            Account generated = generatedAccount(key, seed);
            if (accounts.stream().anyMatch(a -> a.accountId().equals(generated.accountId()))) {
                throw new InvalidCredentialsException(entry + " (" + key.accessKeyId() + ") gets the account id "
                        + generated.accountId() + ", which another account has; give another key");
            }
            accounts.add(generated);
        }
        return new Catalogue(accounts);
    }

    /**
     * Parses {@code AK:SK[,AK:SK...]}; blank gives none.
     *
     * @throws InvalidCredentialsException naming the entry that is no pair, or the two with the same key
     */
    public static List<AccessKey> parseCredentials(String spec) {
        List<AccessKey> keys = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return keys;
        }
        String[] pairs = spec.split(",");
        for (int i = 0; i < pairs.length; i++) {
            String trimmed = pairs[i].trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                // never echo the entry: without a colon in the right place it may be all secret
                throw new InvalidCredentialsException("entries must be AK:SK; entry " + (i + 1) + " of " + pairs.length
                        + " is not (" + (colon < 0 ? "no colon" : colon == 0 ? "no access key id" : "no secret") + ")");
            }
            String accessKeyId = trimmed.substring(0, colon);
            for (int earlier = 0; earlier < keys.size(); earlier++) {
                if (keys.get(earlier).accessKeyId().equals(accessKeyId)) {
                    throw new InvalidCredentialsException("entries " + (earlier + 1) + " and " + (i + 1) + " of "
                            + pairs.length + " have the same access key " + accessKeyId);
                }
            }
            keys.add(new AccessKey(accessKeyId, trimmed.substring(colon + 1)));
        }
        return keys;
    }

    static Account generatedAccount(AccessKey key, long seed) {
        long stream = seed * 0x9E3779B97F4A7C15L ^ key.accessKeyId().hashCode();
        Random random = new Random(stream);
        Faker faker = new Faker(Locale.ENGLISH, random);
        // ASCII digits whatever the default locale: the id also seeds the account's data
        String accountId = String.format(Locale.ROOT, "21%08d",
                Math.floorMod(key.accessKeyId().hashCode(), 100_000_000));

        List<RtcApp> apps = new ArrayList<>(List.of(new RtcApp("Your_AppId", "Documentation example", 1.0)));
        for (int i = 0; i < 2; i++) {
            apps.add(new RtcApp(hex(random, 24), faker.app().name(), 0.5 + random.nextDouble() * 3));
        }
        String brand = slug(faker.company().name());
        List<LiveDomain> domains = new ArrayList<>(List.of(
                new LiveDomain("example.com", 1.0, null),
                new LiveDomain("example2.com", 0.6, null)));
        domains.add(new LiveDomain("pull." + brand + ".com", 0.5 + random.nextDouble(), null));
        domains.add(new LiveDomain("live." + brand + ".cn", 0.5 + random.nextDouble(), null));
        List<PullToPushGroup> groups = new ArrayList<>(List.of(
                new PullToPushGroup("group001", "Third", 1.0),
                new PullToPushGroup("group002", "Live", 0.7)));
        groups.add(new PullToPushGroup(slug(faker.color().name()) + "-relay",
                random.nextBoolean() ? "Live" : "Third", 0.5 + random.nextDouble()));
        List<ProducerInstance> instances = new ArrayList<>(List.of(new ProducerInstance(
                "a17d0184-462d-4630-b2a6-8c26dde2****", "example.com", "cn-shanghai", "slidelive", "liveApp****", 1.0)));
        for (int i = 0; i < 2; i++) {
            instances.add(new ProducerInstance(uuid(random), domains.get(2 + i).name(),
                    PRODUCER_REGIONS[random.nextInt(PRODUCER_REGIONS.length)],
                    random.nextBoolean() ? "slidelive" : "universal", slug(faker.word().noun()),
                    0.5 + random.nextDouble()));
        }
        return new Account(accountId, faker.company().name(), List.of(key), ZoneOffset.ofHours(8),
                apps, domains, groups, instances, null);
    }

    private static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "tenant" : s;
    }

    private static String hex(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    private static String uuid(Random random) {
        String h = hex(random, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }
}

package dev.usagekit.emulator.usage;

import java.util.ArrayList;
import java.util.List;

/** Transcoding minutes of a Live domain, split over the (codec, resolution) profiles the domain uses. */
public final class TranscodeMetric {

    /** One transcoding profile as the API names it; {@code audio} marks the audio-only resolution. */
    public record Profile(String transcodeType, String resolution, boolean audio) {
    }

    /** A profile the domain uses, with its share of the domain's transcoding. */
    public record Share(Profile profile, double weight) {
    }

    public static final List<Profile> PROFILES = List.of(
            new Profile("Normal_H264", "720P", false),
            new Profile("Normal_H264", "1080P", false),
            new Profile("Normal_H264", "480P", false),
            new Profile("Normal_H265", "1080P", false),
            new Profile("Normal_H265", "720P", false),
            new Profile("ByteHD_H264", "720P", false),
            new Profile("ByteHD_H265", "1080P", false),
            new Profile("Normal_H264", "2K", false),
            new Profile("Normal_H265", "4K", false),
            new Profile("Audio", null, true));

    /** Concurrent transcoded streams of a scale-1.0 domain at full activity. */
    private static final double BASE_STREAMS = 0.8;

    private TranscodeMetric() {
    }

    /** The profiles a domain uses (always Normal_H264 720P, plus a stable random few), weights summing to 1. */
    public static List<Share> mix(Series domain) {
        List<Profile> used = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int i = 0; i < PROFILES.size(); i++) {
            double draw = domain.trait(1, i);
            if (i == 0 || draw < 0.35) {
                used.add(PROFILES.get(i));
                raw.add(0.2 + domain.trait(2, i));
            }
        }
        double total = raw.stream().mapToDouble(Double::doubleValue).sum();
        List<Share> shares = new ArrayList<>(used.size());
        for (int i = 0; i < used.size(); i++) {
            shares.add(new Share(used.get(i), raw.get(i) / total));
        }
        return List.copyOf(shares);
    }

    /**
     * Transcoding minutes of the whole domain (all profiles) in each of {@code into.length} consecutive 300 s slots,
     * from the one starting at {@code firstSlotStart}.
     */
    public static void slotsMinutes(Series domain, long firstSlotStart, double[] into) {
        domain.activities(firstSlotStart, into);
        for (int i = 0; i < into.length; i++) {
            into[i] = minutes(domain, into[i]);
        }
    }

    private static double minutes(Series domain, double activity) {
        return domain.scale() * BASE_STREAMS * (Series.SLOT_SECONDS / 60.0) * activity;
    }

    /**
     * The share of a domain's transcoding that one stream (app/stream pair) accounts for: 0 for about a third of
     * names (streams that never transcoded), otherwise up to 25 %.
     */
    public static double streamShare(Series domain, String app, String stream) {
        double draw = Hashing.unit(domain.key() ^ Hashing.of(app), 7, Hashing.of(stream));
        return draw < 0.33 ? 0.0 : (draw - 0.33) / 0.67 * 0.25;
    }
}

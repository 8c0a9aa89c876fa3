package dev.usagekit.emulator.usage;

/** Producer (director) usage of an Alibaba Cloud Live instance: whole minutes per hour by resolution. */
public final class ProducerMetric {

    /** Minutes of one hour, by output/transcode and high/low/standard definition. */
    public record Minutes(long outputHd, long outputLd, long outputSd, long tranHd, long tranLd, long tranSd) {

        public static final Minutes ZERO = new Minutes(0, 0, 0, 0, 0, 0);

        public Minutes plus(Minutes o) {
            return new Minutes(outputHd + o.outputHd, outputLd + o.outputLd, outputSd + o.outputSd,
                    tranHd + o.tranHd, tranLd + o.tranLd, tranSd + o.tranSd);
        }
    }

    /**
     * The most minutes an instance's hour holds: only stacked spikes reach it (four overlapping factors of 1000 on a
     * scale-1000 instance), and sums of any query's hours and instances then still fit a long.
     */
    static final double MAX_MINUTES_PER_HOUR = 1e12;

    private ProducerMetric() {
    }

    /** Minutes of the hour starting at the given epoch second (a multiple of 3600). */
    public static Minutes hour(Series instance, long hourStartEpochSecond) {
        double activity = instance.activity(hourStartEpochSecond + 1800);
        // in proportion to activity and scale, uncapped: the catalogue's scale and anomaly factors multiply the
        // minutes as they multiply every other usage (a cap once made scale 3 and scale 1000 the same)
        double busy = activity / 1.1 * instance.scale();
        int outputs = 1 + (int) (instance.trait(1, 0) * 3);
        double hdShare = 0.45 + 0.3 * instance.trait(1, 1);
        double sdShare = (1 - hdShare) * (0.5 + 0.4 * instance.trait(1, 2));
        double ldShare = 1 - hdShare - sdShare;
        double tranRatio = 0.3 + 0.6 * instance.trait(1, 3);
        double minutes = Math.min(60.0 * outputs * busy, MAX_MINUTES_PER_HOUR);
        long outHd = Math.round(minutes * hdShare);
        long outSd = Math.round(minutes * sdShare);
        long outLd = Math.round(minutes * ldShare);
        return new Minutes(outHd, outLd, outSd,
                Math.round(outHd * tranRatio), Math.round(outLd * tranRatio), Math.round(outSd * tranRatio));
    }
}

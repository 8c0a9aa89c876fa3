package dev.usagekit.emulator.usage;

import java.util.List;

/**
 * The areas RTC distributions are reported by, with a relative weight (roughly online population). Names are written
 * as the RTC console writes them (Chinese short names). The province list is China's first-level divisions including
 * Hong Kong, Macao and Taiwan; in the country dimension their users count under 中国.
 */
public final class Regions {

    /** One reported area and its base weight. */
    public record Region(String name, double weight) {
    }

    public static final String CHINA = "中国";

    public static final List<Region> PROVINCES = List.of(
            new Region("广东", 126), new Region("山东", 102), new Region("河南", 99), new Region("江苏", 85),
            new Region("四川", 84), new Region("河北", 75), new Region("湖南", 66), new Region("浙江", 65),
            new Region("安徽", 61), new Region("湖北", 58), new Region("广西", 50), new Region("云南", 47),
            new Region("江西", 45), new Region("辽宁", 43), new Region("福建", 41), new Region("陕西", 40),
            new Region("贵州", 39), new Region("山西", 35), new Region("重庆", 32), new Region("黑龙江", 31),
            new Region("新疆", 26), new Region("甘肃", 25), new Region("上海", 25), new Region("内蒙古", 24),
            new Region("吉林", 24), new Region("台湾", 23), new Region("北京", 22), new Region("天津", 14),
            new Region("海南", 10), new Region("香港", 7.5), new Region("宁夏", 7), new Region("青海", 6),
            new Region("西藏", 4), new Region("澳门", 0.7));

    /** Countries other than China, with weights relative to the provinces' sum. */
    public static final List<Region> FOREIGN_COUNTRIES = List.of(
            new Region("美国", 40), new Region("日本", 22), new Region("韩国", 14), new Region("新加坡", 9),
            new Region("马来西亚", 10), new Region("泰国", 9), new Region("越南", 8), new Region("印度尼西亚", 12),
            new Region("菲律宾", 6), new Region("印度", 10), new Region("英国", 9), new Region("德国", 8),
            new Region("法国", 7), new Region("加拿大", 8), new Region("澳大利亚", 7), new Region("巴西", 5),
            new Region("俄罗斯", 6), new Region("阿联酋", 4), new Region("沙特阿拉伯", 3), new Region("墨西哥", 3));

    private Regions() {
    }
}

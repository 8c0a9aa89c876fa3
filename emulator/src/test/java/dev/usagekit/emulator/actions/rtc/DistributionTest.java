package dev.usagekit.emulator.actions.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.actions.rtc.ListOperationDistribution.DataItem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Data list of an answer: areas with users, two-decimal values, proportions that sum to exactly 100. */
class DistributionTest {

    private static List<String> proportions(List<Long> users) {
        List<String> names = users.stream().map(u -> "area" + u).toList();
        return ListOperationDistribution.distribution(names, users).stream().map(DataItem::proportion)
                .map(BigDecimal::toPlainString).toList();
    }

    @Test
    void proportionsAreTheSharesRoundedToHundredths() {
        assertThat(proportions(List.of(6L, 1L))).containsExactly("85.71", "14.29");
    }

    /** Largest remainder: of three equal areas one gets the hundredth left over, so the three still make 100. */
    @Test
    void theHundredthLeftOverGoesToTheLargestRemainder() {
        assertThat(ListOperationDistribution.distribution(List.of("A", "B", "C"), List.of(1L, 1L, 1L)).stream()
                .map(DataItem::proportion).map(BigDecimal::toPlainString)).containsExactly("33.34", "33.33", "33.33");
        assertThat(proportions(List.of(2L, 1L))).containsExactly("66.67", "33.33");
    }

    @Test
    void areasWithoutUsersAreLeftOut() {
        List<DataItem> items = ListOperationDistribution.distribution(List.of("A", "B", "C"), List.of(0L, 5L, 3L));
        assertThat(items).extracting(DataItem::distributionName).containsExactly("B", "C");
        assertThat(items).extracting(DataItem::value).extracting(BigDecimal::toPlainString)
                .containsExactly("5.00", "3.00");
    }
}

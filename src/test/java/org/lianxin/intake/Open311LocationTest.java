package org.lianxin.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.InvalidIntakeException;

class Open311LocationTest {

    @Test
    void coordinatesTravelInTheLocationTextAndAreReadBack() {
        String location = Open311Location.compose("幸福小区(北门)", "-33.8688", "+151.2093");
        assertThat(location).isEqualTo("幸福小区(北门)（坐标 -33.8688, 151.2093）");
        assertThat(Open311Location.point(location)).contains(new Open311Location.Point(-33.8688, 151.2093));
    }

    @Test
    void anAddressAloneIsKeptAsGivenAndCarriesNoCoordinates() {
        assertThat(Open311Location.compose(" 人民路 12 号 ", null, "")).isEqualTo(" 人民路 12 号 ");
        assertThat(Open311Location.point("人民路（12, 13）")).isEmpty();
        assertThat(Open311Location.compose(null, null, null)).isNull();
        assertThat(Open311Location.compose("", "1", "2")).isEqualTo("（坐标 1, 2）");
    }

    @Test
    void latAndLongComeTogetherAndWithinRange() {
        assertThatThrownBy(() -> Open311Location.compose("a", "39.9", null))
                .isInstanceOf(InvalidIntakeException.class).hasMessageStartingWith("long:");
        assertThatThrownBy(() -> Open311Location.compose("a", " ", "116"))
                .isInstanceOf(InvalidIntakeException.class).hasMessageStartingWith("lat:");
        assertThatThrownBy(() -> Open311Location.compose("a", "-90.5", "116"))
                .isInstanceOf(InvalidIntakeException.class).hasMessageStartingWith("lat:");
        assertThatThrownBy(() -> Open311Location.compose("a", "39", "NaN"))
                .isInstanceOf(InvalidIntakeException.class).hasMessageStartingWith("long:");
    }

    @Test
    void chineseNamesAreFamilyNameFirst() {
        assertThat(Open311Requests.fullName("小明", "王")).isEqualTo("王小明");
        assertThat(Open311Requests.fullName("John", "Smith")).isEqualTo("John Smith");
        assertThat(Open311Requests.fullName(null, "王")).isEqualTo("王");
        assertThat(Open311Requests.fullName("小明", " ")).isEqualTo("小明");
        assertThat(Open311Requests.fullName(null, null)).isNull();
    }
}

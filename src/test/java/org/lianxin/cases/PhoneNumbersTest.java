package org.lianxin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "13812345678, 13812345678",
            "138 1234 5678, 13812345678",
            "138-1234-5678, 13812345678",
            "+86 138 1234 5678, 13812345678",
            "008613812345678, 13812345678",
            "8613812345678, 13812345678",
            "0571-88881234, 057188881234",
            "(010) 6512 3456, 01065123456",
            "12345, 12345"})
    void normalisesChineseNumbers(String raw, String normalised) {
        assertThat(PhoneNumbers.normalise(raw)).contains(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "110", "1234", "12812345678", "1381234567", "138123456789", "abc", "138l2345678"})
    void refusesWhatIsNotAPhoneNumber(String raw) {
        assertThat(PhoneNumbers.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"13812341234, 138****1234", "057188881234, 057****1234", "12345, ***45"})
    void masksTheMiddle(String phone, String masked) {
        assertThat(PhoneNumbers.mask(phone)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"13812341234, true", "057188881234, false"})
    void knowsAMobile(String phone, boolean mobile) {
        assertThat(PhoneNumbers.isMobile(phone)).isEqualTo(mobile);
    }

    @org.junit.jupiter.api.Test
    void masksEveryLongNumberInAText() {
        assertThat(PhoneNumbers.maskNumbersIn("请回电13812348000，身份证43010219900101123X，门牌12号"))
                .isEqualTo("请回电138****8000，身份证430****123X，门牌12号");
        assertThat(PhoneNumbers.maskNumbersIn(null)).isNull();
    }
}

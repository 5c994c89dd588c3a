package org.lianxin.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class DirectorySeedTest {

    static final String GOOD = "  - { id: zjj, name: 县住房和城乡建设局, kind: department, emails: [zjj@county.example.cn], "
            + "mobiles: [\"13900000101\"], channels: [email, sms], contact: 王建国, may-see-phone: false }\n";

    static List<Department> seed(String departments) {
        return DirectorySeed.read(new ByteArrayResource(("departments:\n" + departments)
                .getBytes(StandardCharsets.UTF_8), "test seed"));
    }

    @Test
    void theSampleCountyHasDepartmentsAndTownshipsEachReachableByEmailAndSms() {
        List<Department> sample = DirectorySeed.read(new ClassPathResource("directory/sample-county.yaml"));

        assertThat(sample).hasSize(18);
        assertThat(sample).filteredOn(d -> d.kind() == Department.Kind.township).extracting(Department::id)
                .containsExactly("cgz", "hxjd", "qsz", "lsx");
        assertThat(sample).allSatisfy(d -> {
            assertThat(d.emails()).isNotEmpty();
            assertThat(d.mobiles()).isNotEmpty();
            assertThat(d.prefersEmail() && d.prefersSms()).isTrue();
            assertThat(d.maySeePhone()).isFalse();
            assertThat(d.active()).isTrue();
        });
        assertThat(sample.get(0)).isEqualTo(new Department("zjj", "县住房和城乡建设局", Department.Kind.department,
                List.of("zjj@county.example.cn"), List.of("13900000101"), true, true, "王建国", false, true));
    }

    @Test
    void addressesAreStoredInOneFormWhateverTheFileWrites() {
        Department d = seed("  - { id: gdj, name: 县供电公司, kind: department, emails: [\" GDJ@County.Example.CN \"], "
                + "mobiles: [\"+86 139-0000-0105\"], channels: [email, sms], active: false }\n").get(0);

        assertThat(d.emails()).containsExactly("gdj@county.example.cn");
        assertThat(d.mobiles()).containsExactly("13900000105");
        assertThat(d.active()).isFalse();
        assertThat(d.contactPerson()).isNull();
    }

    @Test
    void aDepartmentPreferringAChannelNeedsAnAddressForIt() {
        assertRefused(GOOD + "  - { id: gdj, name: 县供电公司, kind: department, mobiles: [\"13900000105\"], "
                + "channels: [email, sms] }\n", "department gdj: emails:");
        assertRefused("  - { id: gdj, name: 县供电公司, kind: department, emails: [gdj@county.example.cn], "
                + "channels: [sms] }\n", "department gdj: mobiles:");
        assertRefused("  - { id: gdj, name: 县供电公司, kind: department, emails: [gdj@county.example.cn], "
                + "channels: [] }\n", "department gdj: channels:");
        assertRefused("  - { id: gdj, name: 县供电公司, kind: department, emails: [gdj@county.example.cn], "
                + "channels: [email, fax] }\n", "department gdj: channels: 'fax'");
    }

    @Test
    void badAddressesNameTheDepartmentAndField() {
        assertRefused("  - { id: gdj, name: 县供电公司, kind: department, emails: [gdj-at-county], channels: [email] }\n",
                "department gdj: emails: 'gdj-at-county' is not an email address");
        // A landline cannot receive an SMS slip.
        assertRefused("  - { id: gdj, name: 县供电公司, kind: department, mobiles: [\"0571-88886666\"], "
                + "channels: [sms] }\n", "department gdj: mobiles: '0571-88886666' is not a mobile number");
        assertRefused("  - { id: gdj, kind: department, emails: [gdj@county.example.cn], channels: [email] }\n",
                "department gdj: name:");
        assertRefused("  - { id: GDJ, name: 县供电公司, kind: department, emails: [gdj@county.example.cn], "
                + "channels: [email] }\n", "department GDJ: id:");
    }

    @Test
    void idsAndAddressesAreUnique() {
        assertRefused(GOOD + GOOD.replace("13900000101", "13900000199").replace("zjj@", "other@"),
                "department zjj: id: appears more than once");
        assertRefused(GOOD + GOOD.replace("id: zjj", "id: cgj").replace("13900000101", "13900000102"),
                "department cgj: emails: zjj@county.example.cn is already zjj's");
        assertRefused(GOOD + GOOD.replace("id: zjj", "id: cgj").replace("zjj@", "cgj@"),
                "department cgj: mobiles: 13900000101 is already zjj's");
    }

    @Test
    void aMisspelledKeyOrUnknownKindIsRefusedNotIgnored() {
        assertRefused(GOOD.replace("may-see-phone", "may-see-phon"), "department zjj", "may-see-phon");
        assertRefused(GOOD.replace("kind: department", "kind: bureau"), "department zjj", "bureau");
        assertRefused("", "no departments");
    }

    private static void assertRefused(String departments, String... messageParts) {
        assertThatThrownBy(() -> seed(departments))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("directory seed")
                .message().contains(messageParts);
    }
}

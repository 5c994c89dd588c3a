package org.lianxin.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

@LianxinTest
class DepartmentDirectoryTest extends HubTestSupport {

    @Autowired
    DepartmentDirectory directory;

    static Department department(String id, List<String> emails, List<String> mobiles) {
        return new Department(id, "测试单位" + id, Department.Kind.department, emails, mobiles, !emails.isEmpty(),
                !mobiles.isEmpty(), "测试员", false, true);
    }

    static String newId() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theSampleCountyIsSeededOnStartUpIntoTheTables() {
        assertThat(directory.list()).extracting(Department::id).contains("zjj", "gdj", "xfj", "cgz", "hxjd", "qsz", "lsx");
        assertThat(db.queryForObject("select count(*) from department where id in "
                + "('zjj','cgj','sthj','slj','gdj','rsj','mzj','jyj','wjj','jtj','gaj','scjgj','nyncj','xfj',"
                + "'cgz','hxjd','qsz','lsx')", Long.class)).isEqualTo(18);
        assertThat(db.queryForList("select kind || ':' || address from department_address where department_id = 'cgz'",
                String.class)).containsExactlyInAnyOrder("email:cgz@county.example.cn", "mobile:13900000201");
        assertThat(directory.find("cgz")).get().extracting(Department::kind, Department::contactPerson,
                Department::maySeePhone).containsExactly(Department.Kind.township, "韩城", false);
    }

    @Test
    void seedingAgainIsANoOpAsForTheNodeThatLosesTheStartUpRace() {
        long before = db.queryForObject("select count(*) from department_address", Long.class);

        assertThat(directory.seedIfEmpty()).isFalse();
        // A node that saw an empty table at the same moment: its inserts collide, and it gives way quietly.
        assertThat(directory.seed(DirectorySeed.read(new ClassPathResource("directory/sample-county.yaml")))).isFalse();

        assertThat(db.queryForObject("select count(*) from department_address", Long.class)).isEqualTo(before);
    }

    @Test
    void findsTheDepartmentAnAnswerCameFromByEmailOrMobileHoweverWritten() {
        assertThat(directory.findByEmail(" ZJJ@County.Example.CN")).get().extracting(Department::id).isEqualTo("zjj");
        assertThat(directory.findByMobile("+86 139-0000-0201")).get().extracting(Department::id).isEqualTo("cgz");
        assertThat(directory.findByEmail("stranger@example.com")).isEmpty();
        assertThat(directory.findByMobile("13800138000")).isEmpty();
        assertThat(directory.findByMobile("not a number")).isEmpty();
        assertThat(directory.find("nobody")).isEmpty();
    }

    @Test
    void saveCreatesAndReplacesADepartmentWithItsAddresses() {
        String id = newId();
        String mobile = String.format("1370000%04d", ThreadLocalRandom.current().nextInt(10_000));
        directory.save(department(id, List.of(id + "@County.example.cn"), List.of("+86 " + mobile)));
        Department saved = directory.find(id).orElseThrow();
        assertThat(saved.emails()).containsExactly(id + "@county.example.cn");
        assertThat(saved.mobiles()).containsExactly(mobile);
        assertThat(directory.findByMobile(mobile)).contains(saved);
        assertThat(directory.findByEmail(id + "@county.example.cn")).contains(saved);

        directory.save(department(id, List.of("new-" + id + "@county.example.cn"), List.of()));

        assertThat(directory.find(id).orElseThrow().mobiles()).isEmpty();
        assertThat(directory.findByEmail(id + "@county.example.cn")).isEmpty();
        assertThat(directory.findByEmail("new-" + id + "@county.example.cn")).get().extracting(Department::id)
                .isEqualTo(id);
        assertThat(db.queryForObject("select count(*) from department_address where department_id = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void saveRefusesAnotherDepartmentsAddressOrAMissingOneAndStoresNothing() {
        String id = newId();
        assertThatThrownBy(() -> directory.save(department(id, List.of("zjj@county.example.cn"), List.of())))
                .isInstanceOfSatisfying(InvalidDepartmentException.class, e -> {
                    assertThat(e.departmentId()).isEqualTo(id);
                    assertThat(e.field()).isEqualTo("emails");
                    assertThat(e.getMessage()).contains("already zjj's");
                });
        Department smsWithoutMobile = new Department(id, "测试", Department.Kind.department, List.of(), List.of(), false,
                true, null, false, true);
        assertThatThrownBy(() -> directory.save(smsWithoutMobile))
                .isInstanceOfSatisfying(InvalidDepartmentException.class, e -> assertThat(e.field()).isEqualTo("mobiles"));

        assertThat(directory.find(id)).isEmpty();
        assertThat(db.queryForObject("select count(*) from department where id = ?", Long.class, id)).isZero();
    }

    @Test
    void setActiveTakesADepartmentOutOfServiceAndBack() {
        String id = newId();
        directory.save(department(id, List.of(id + "@county.example.cn"), List.of()));

        directory.setActive(id, false);
        assertThat(directory.find(id).orElseThrow().active()).isFalse();
        assertThat(db.queryForObject("select active from department where id = ?", Boolean.class, id)).isFalse();
        directory.setActive(id, true);
        assertThat(directory.find(id).orElseThrow().active()).isTrue();

        assertThatThrownBy(() -> directory.setActive("nobody", false)).isInstanceOf(InvalidDepartmentException.class)
                .hasMessageContaining("nobody");
    }
}

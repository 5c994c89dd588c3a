package org.lianxin.directory;

import org.lianxin.cases.YamlFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.Resource;

/**
 * The seed file (lianxin.directory.seed): the departments a new installation starts with. Read and checked as a
 * whole, so that a bad file fails start-up with the department and field at fault, before anything is stored.
 */
public final class DirectorySeed {

    /** One entry as the file writes it: channels [email, sms], contact, may-see-phone, active (default true). */
    record Entry(String id, String name, Department.Kind kind, List<String> emails, List<String> mobiles,
            List<String> channels, String contact, Boolean maySeePhone, Boolean active) {

        Department department() {
            List<String> chosen = channels == null ? List.of() : channels;
            for (String channel : chosen) {
                if (!"email".equals(channel) && !"sms".equals(channel)) {
                    throw new InvalidDepartmentException(id, "channels", "'" + channel + "': email or sms");
                }
            }
            return new Department(id, name, kind, emails, mobiles, chosen.contains("email"), chosen.contains("sms"),
                    contact, Boolean.TRUE.equals(maySeePhone), active == null || active);
        }
    }

    record File(List<Map<String, Object>> departments) {
    }

    private DirectorySeed() {
    }

    public static List<Department> read(Resource resource) {
        String where = "directory seed " + resource.getDescription();
        File file = YamlFiles.convert(YamlFiles.read(resource), File.class, where);
        if (file == null || file.departments() == null || file.departments().isEmpty()) {
            throw new IllegalStateException(where + ": no departments");
        }
        List<Department> departments = new ArrayList<>();
        try {
            for (Map<String, Object> raw : file.departments()) {
                Object id = raw == null ? null : raw.get("id");
                Entry entry = YamlFiles.convert(raw, Entry.class, where + ": department " + id);
                departments.add(entry.department().checked());
            }
            requireUnique(departments);
        } catch (InvalidDepartmentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
        return departments;
    }

    /** Ids are unique, and so is every address: an answer from it must name one department. */
    static void requireUnique(List<Department> departments) {
        Set<String> ids = new HashSet<>();
        Map<String, String> owners = new HashMap<>();
        for (Department d : departments) {
            if (!ids.add(d.id())) {
                throw new InvalidDepartmentException(d.id(), "id", "appears more than once");
            }
            for (String email : d.emails()) {
                String other = owners.putIfAbsent("email:" + email, d.id());
                if (other != null) {
                    throw new InvalidDepartmentException(d.id(), "emails", email + " is already " + other + "'s");
                }
            }
            for (String mobile : d.mobiles()) {
                String other = owners.putIfAbsent("mobile:" + mobile, d.id());
                if (other != null) {
                    throw new InvalidDepartmentException(d.id(), "mobiles", mobile + " is already " + other + "'s");
                }
            }
        }
    }
}

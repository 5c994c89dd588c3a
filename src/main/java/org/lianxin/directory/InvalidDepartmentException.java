package org.lianxin.directory;

/** A department that cannot be stored; names the department and the field, as the seed file or form calls it. */
public class InvalidDepartmentException extends RuntimeException {

    private final String departmentId;
    private final String field;

    public InvalidDepartmentException(String departmentId, String field, String problem) {
        super("department " + departmentId + ": " + field + ": " + problem);
        this.departmentId = departmentId;
        this.field = field;
    }

    public String departmentId() {
        return departmentId;
    }

    public String field() {
        return field;
    }
}

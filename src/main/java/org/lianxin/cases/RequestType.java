package org.lianxin.cases;

/** The kind of request (诉求类型); deadlines depend on it. */
public enum RequestType {
    HELP("求助"), COMPLAINT("投诉"), INQUIRY("咨询"), SUGGESTION("建议"), REPORT("举报");

    private final String label;

    RequestType(String label) {
        this.label = label;
    }

    /** The Chinese name, as on slips and pages. */
    public String label() {
        return label;
    }
}

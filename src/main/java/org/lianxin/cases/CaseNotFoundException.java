package org.lianxin.cases;

public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(String caseNo) {
        super("no case " + caseNo);
    }
}

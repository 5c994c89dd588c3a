package org.lianxin.reports;

/**
 * One department's line of the quarterly report (季度通报); the totals line has departmentId null. Counts are of
 * the department's lead (主办) slips and of the facts attributed to it (see QuarterlyReport for each definition);
 * a rate is null when what it is taken over is zero.
 *
 * @param received lead slips issued to it in the quarter and not returned (退单)
 * @param answered lead slips whose first final answer (办结) or explanation (说明) was given in the quarter
 * @param onTime of those answered, answered by the slip's deadline
 * @param overdue answered in the quarter after the deadline, plus slips still open at the quarter's end with the
 *        deadline past by then
 * @param workingDays the working days from issue to answer, summed over the answered slips
 * @param rated ratings given in the quarter for its answers
 * @param satisfied of those, 满意 or 基本满意
 * @param unrated its cases closed in the quarter without any rating (未评价), counted apart from rated
 * @param reopened its answers reopened (重办) in the quarter, by a citizen's 不满意 or a failed spot check
 * @param repeats intakes joined to its cases as repeats (重复件) in the quarter
 */
public record DepartmentFigures(String departmentId, String name, int received, int answered, int onTime,
        int overdue, long workingDays, int rated, int satisfied, int unrated, int reopened, int repeats) {

    /** Average working days from issue to answer (工作日), over the slips answered in the quarter. */
    public Double averageWorkingDays() {
        return answered == 0 ? null : (double) workingDays / answered;
    }

    /** On time over answered. */
    public Double onTimeRate() {
        return rate(onTime, answered);
    }

    /** (满意 + 基本满意) over rated; 未评价 is not in it. */
    public Double satisfactionRate() {
        return rate(satisfied, rated);
    }

    /** Reopened over answered. */
    public Double reopenRate() {
        return rate(reopened, answered);
    }

    /** Repeats joined over received. */
    public Double repeatRate() {
        return rate(repeats, received);
    }

    DepartmentFigures plus(DepartmentFigures o) {
        return new DepartmentFigures(departmentId, name, received + o.received, answered + o.answered,
                onTime + o.onTime, overdue + o.overdue, workingDays + o.workingDays, rated + o.rated,
                satisfied + o.satisfied, unrated + o.unrated, reopened + o.reopened, repeats + o.repeats);
    }

    boolean isEmpty() {
        return received == 0 && answered == 0 && overdue == 0 && rated == 0 && unrated == 0 && reopened == 0
                && repeats == 0;
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}

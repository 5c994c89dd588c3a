package org.lianxin.satisfaction;

/**
 * A rating as a channel brought it, before it is checked against the case.
 *
 * @param kind the kind of intake it rates (sms: any; hotline; web), see {@link org.lianxin.cases.Channel#kind()}
 * @param intakeId the intake, when the channel already knows it (an SMS from the intake's phone)
 * @param intakeRef the intake's external id as the channel knows it (the call record id, the portal's id), or null
 *        when the case has one intake of that kind
 * @param channel how the rating came: sms, hotline, web
 * @param source who brought it: a masked phone number, the operator, the portal
 * @param rating null for a hotline callback that did not reach the citizen
 */
public record RatingSubmission(String caseNo, String kind, Long intakeId, String intakeRef, String channel,
        String source, Rating rating, String comment, boolean reached, RatingFields fields) {

    public static final int MAX_COMMENT = 1000;
}

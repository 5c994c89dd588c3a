/**
 * Satisfaction (回访, 满意度) and what follows from it: citizens' ratings of a case's answer coming back by SMS, the
 * hotline's callbacks and the web portal, one per intake and answer; 满意 and 基本满意 close the case, 不满意 reopens
 * it (重办) with a new slip to the same lead department; a case left unrated closes as not rated (未评价).
 */
package org.lianxin.satisfaction;

/** The county's working days and the deadlines counted on them: ground that several features share. */
package org.lianxin.calendar;

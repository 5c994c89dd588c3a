/**
 * Replies: what departments send back about a slip — signing for it (签收), returning it (退单), progress,
 * final answers and the rest — by email, SMS or the reply page, read into one {@link
 * org.lianxin.reply.DepartmentMessage} and applied to the slip and its case.
 */
package org.lianxin.reply;

/** Files that come with a department's message, and the limits they are kept by: ground. */
package org.lianxin.attachments;

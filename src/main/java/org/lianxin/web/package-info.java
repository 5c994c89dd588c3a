/** Staff pages (the petition desk) rendered with Thymeleaf in zh-CN. */
package org.lianxin.web;

/** Staff pages rendered with Thymeleaf in zh-CN (English bundles beside): login, home, the petition desk and its receipt. */
package org.lianxin.web;

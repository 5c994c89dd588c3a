/** Staff logins (form and HTTP Basic, roles DESK, DISPATCHER, SUPERVISOR, ADMIN) and the system channels' API keys. */
package org.lianxin.security;

package org.lianxin.dispatch;

import org.apache.camel.component.mail.MailAuthenticator;

import jakarta.mail.PasswordAuthentication;

/**
 * The login of connectors/mail-smtp-sink.kamelet.yaml. camel-mail logs in whenever a username is set, even an empty
 * one, and a relay that offers AUTH then refuses the mail; a blank username here means: send without logging in.
 */
public class SmtpLogin extends MailAuthenticator {

    private final PasswordAuthentication login;

    public SmtpLogin(String username, String password) {
        boolean anonymous = username == null || username.isBlank();
        this.login = anonymous ? new PasswordAuthentication(null, null)
                : new PasswordAuthentication(username, password == null ? "" : password);
    }

    @Override
    public PasswordAuthentication getPasswordAuthentication() {
        return login;
    }
}

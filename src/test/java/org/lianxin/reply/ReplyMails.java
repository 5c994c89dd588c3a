package org.lianxin.reply;

import java.io.ByteArrayOutputStream;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

/** Departments' answers with files, written as mail clients write them. */
final class ReplyMails {

    private ReplyMails() {
    }

    /**
     * A file as a client attaches it.
     *
     * @param encodedWordCharset null: the name as RFC 2231 (filename*=UTF-8''…, Jakarta Mail's way); a charset: the
     *            name as an RFC 2047 encoded-word in that charset, as Foxmail and other Chinese clients write it
     */
    record File(String name, String contentType, byte[] content, String encodedWordCharset) {
    }

    static MimeMessage reply(String from, String subject, String text, String messageId, File... files)
            throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("lianxin@hub.test"));
        m.setSubject(subject, "UTF-8");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        mixed.addBodyPart(body);
        for (File f : files) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(f.content(),
                    f.contentType())));
            if (f.encodedWordCharset() == null) {
                part.setFileName(f.name());
            } else {
                String word = MimeUtility.encodeWord(f.name(), f.encodedWordCharset(), "B");
                part.setHeader("Content-Type", f.contentType() + "; name=\"" + word + "\"");
                part.setHeader("Content-Disposition", "attachment; filename=\"" + word + "\"");
            }
            part.setHeader("Content-Transfer-Encoding", "base64");
            mixed.addBodyPart(part);
        }
        m.setContent(mixed);
        m.saveChanges();
        return m;
    }

    static byte[] bytes(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }
}

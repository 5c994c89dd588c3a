package org.lianxin.dispatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.camel.Converter;
import org.apache.camel.TypeConverters;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message as the bytes of an RFC 822 file (headers and body), for connectors/mail-file-sink.kamelet.yaml.
 * camel-mail's own converters turn a message into its body only, which is not a mail a client can open.
 */
@Component
public class MimeMessageBytes implements TypeConverters {

    @Converter
    public static byte[] toBytes(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}

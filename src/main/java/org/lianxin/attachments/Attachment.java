package org.lianxin.attachments;

/**
 * A file a department sent with a message about its slip, as received: its name as the sender gave it (made safe by
 * {@link AttachmentPolicy#file}), its content type and its bytes.
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public long size() {
        return content.length;
    }
}

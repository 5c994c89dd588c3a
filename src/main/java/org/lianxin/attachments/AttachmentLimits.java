package org.lianxin.attachments;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What departments may send as files with their messages (lianxin.attachments.*): the largest file, the largest sum
 * of one message's files, the most files per message, and the content types kept.
 */
@ConfigurationProperties("lianxin.attachments")
public record AttachmentLimits(long maxFileBytes, long maxMessageBytes, int maxFiles, List<String> allowedTypes) {

    public AttachmentLimits {
        if (maxFileBytes <= 0 || maxMessageBytes < maxFileBytes) {
            throw new IllegalArgumentException("lianxin.attachments.max-file-bytes must be more than 0 and at most "
                    + "lianxin.attachments.max-message-bytes");
        }
        if (maxFiles <= 0) {
            throw new IllegalArgumentException("lianxin.attachments.max-files must be 1 or more");
        }
        allowedTypes = allowedTypes == null ? List.of()
                : allowedTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).toList();
    }

    public Set<String> allowed() {
        return allowedTypes.stream().collect(Collectors.toUnmodifiableSet());
    }
}

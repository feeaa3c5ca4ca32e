package reviewcoach.service;

/** An owner's direct message about their items, named in an outbox subject as {@code owner channel message}. */
record OwnerMessage(String owner, PostedMessage message) {

    static String subject(String owner, PostedMessage message) {
        return owner + " " + message.channel() + " " + message.messageId();
    }

    /** Reads a subject written by {@link #subject}; null when it is not one. */
    static OwnerMessage parse(String subject) {
        String[] parts = subject == null ? new String[0] : subject.split(" ");
        if (parts.length != 3) {
            return null;
        }
        return new OwnerMessage(parts[0], new PostedMessage(parts[1], parts[2]));
    }
}

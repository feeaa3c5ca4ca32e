package reviewcoach.bench;

/** Makes the next request a load thread sends; each load thread gets its own source, so it need not be thread-safe. */
interface RequestSource {

    Request next();

    /**
     * One whole HTTP request, ready to write.
     *
     * @param key what later proves the request's effect (the message ts of a contribution), or null
     */
    record Request(byte[] bytes, String key) {}
}

package reviewcoach.bench;

/** The kinds of traffic measured against every server, in the order a round runs them. */
enum Workload {
    CHANNEL_MESSAGES("channel messages not in a review thread"),
    FOREIGN_REPLIES("thread replies in threads that are not sessions"),
    CONTRIBUTIONS("contributions to 100 open sessions"),
    REVIEW("/review"),
    LIST("/review list, 100,000 sessions in the store");

    final String title;

    Workload(String title) {
        this.title = title;
    }
}

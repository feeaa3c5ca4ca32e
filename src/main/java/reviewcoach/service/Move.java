package reviewcoach.service;

/** The ways a button moves a session. */
public enum Move {
    NEXT,
    BACK,
    FINISH
}

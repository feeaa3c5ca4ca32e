package reviewcoach.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import reviewcoach.service.SlackHealth;
import reviewcoach.service.SocketModeHealth;

/**
 * {@code GET /healthz}: 200 while the database answers, 503 otherwise; the body also says whether Slack answered
 * lately (Slack being down does not make the service unhealthy: what it owes Slack waits in the outbox) and, in Socket
 * Mode, how the connection stands.
 */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient BooleanSupplier databaseUp;
    private final transient SlackHealth slack;
    private final transient SocketModeHealth socketMode;

    HealthServlet(BooleanSupplier databaseUp, SlackHealth slack) {
        this(databaseUp, slack, null);
    }

    /** @param socketMode the Socket Mode connection's state, or null when Slack sends requests over HTTP */
    HealthServlet(BooleanSupplier databaseUp, SlackHealth slack, SocketModeHealth socketMode) {
        this.databaseUp = databaseUp;
        this.slack = slack;
        this.socketMode = socketMode;
    }

    /** GET and HEAD only; other methods get 405 rather than the servlet defaults (501, or TRACE echoing headers). */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            RequestBodies.discard(request, response);
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = databaseUp.getAsBoolean();
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        StringBuilder body = new StringBuilder("{\"status\":\"")
                .append(up ? "ok" : "database unavailable")
                .append("\",\"database\":\"")
                .append(up ? "ok" : "unavailable")
                .append("\",\"slack\":\"")
                .append(slack.state().name().toLowerCase(java.util.Locale.ROOT))
                .append('"');
        if (slack.lastError() != null) {
            body.append(",\"slack_error\":\"")
                    .append(slack.lastError().replaceAll("[^A-Za-z0-9_ ]", ""))
                    .append('"');
        }
        if (slack.since() != null) {
            body.append(",\"slack_since\":\"").append(slack.since()).append('"');
        }
        if (socketMode != null) {
            appendSocketMode(body);
        }
        response.getWriter().write(body.append('}').toString());
    }

    /**
     * {@code "socket_mode":"connected"} (or connecting, reconnecting, stopped), since when, and why the last attempt
     * failed. A lost connection does not make the service unhealthy: it keeps reconnecting, and a restart would not
     * help.
     */
    private void appendSocketMode(StringBuilder body) {
        body.append(",\"socket_mode\":\"")
                .append(socketMode.state().name().toLowerCase(java.util.Locale.ROOT))
                .append('"');
        if (socketMode.since() != null) {
            body.append(",\"socket_mode_since\":\"").append(socketMode.since()).append('"');
        }
        if (socketMode.lastError() != null) {
            body.append(",\"socket_mode_error\":\"")
                    .append(socketMode.lastError().replaceAll("[^A-Za-z0-9_ ]", ""))
                    .append('"');
        }
    }
}

package reviewcoach.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/** {@code GET /healthz}: 200 while the database answers, 503 otherwise. */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient BooleanSupplier databaseUp;

    HealthServlet(BooleanSupplier databaseUp) {
        this.databaseUp = databaseUp;
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
        response.getWriter().write(up ? "{\"status\":\"ok\"}" : "{\"status\":\"database unavailable\"}");
    }
}

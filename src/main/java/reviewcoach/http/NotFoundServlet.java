package reviewcoach.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Every path the service does not serve: 404 for any method, after reading away what was sent. */
final class NotFoundServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestBodies.discard(request, response);
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}

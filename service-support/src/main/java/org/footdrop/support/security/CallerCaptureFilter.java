package org.footdrop.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sits in the security chain right after bearer-token authentication and before authorization,
 * and notes who the token belongs to ({@link Caller#noted}), so the audit record of a refused request
 * still names them.
 */
public class CallerCaptureFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null) {
            request.setAttribute(Caller.NOTED, Caller.of(authentication));
        }
        chain.doFilter(request, response);
    }
}

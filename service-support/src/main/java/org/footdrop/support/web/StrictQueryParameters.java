package org.footdrop.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters an endpoint does not take, as unknown body fields are refused: a
 * misspelt cohort filter would otherwise be ignored and silently widen the cohort, and an
 * operator smuggled in as a parameter name never goes unnoticed.
 */
public class StrictQueryParameters implements HandlerInterceptor {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    private final Map<HandlerMethod, Set<String>> accepted = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        Set<String> names = accepted.computeIfAbsent(method, StrictQueryParameters::acceptedNames);
        List<FieldProblem> unknown = new TreeSet<>(request.getParameterMap().keySet())
                .stream()
                        .filter(name -> !names.contains(name))
                        .map(name -> new FieldProblem(
                                printable(name),
                                "unknown query parameter; this endpoint takes "
                                        + (names.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names)))))
                        .toList();
        if (!unknown.isEmpty()) {
            throw ClinicalProblemException.invalid(unknown);
        }
        return true;
    }

    private static Set<String> acceptedNames(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter declared : method.getMethodParameters()) {
            MethodParameter parameter = new MethodParameter(declared);
            parameter.initParameterNameDiscovery(NAMES);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                names.add(name);
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class)
                    && parameter.getParameterType().isRecord()) {
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    names.add(component.getName());
                }
            }
        }
        return names;
    }

    /** The name goes back in the problem: keep it short and harmless. */
    private static String printable(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._$-]", "?");
        return cleaned.length() <= 64 ? cleaned : cleaned.substring(0, 64) + "...";
    }
}

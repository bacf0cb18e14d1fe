package org.footdrop.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * operator smuggled in as a parameter name never goes unnoticed. A parameter that takes one value
 * given more than once is refused too: binding would keep the first and drop the rest unseen
 * ({@code side=LEFT&side=UP} answered for LEFT).
 */
public class StrictQueryParameters implements HandlerInterceptor {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    /** Each endpoint's parameter names, each with whether it takes several values (an array or a collection). */
    private final Map<HandlerMethod, Map<String, Boolean>> accepted = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        Map<String, Boolean> takes = accepted.computeIfAbsent(method, StrictQueryParameters::acceptedNames);
        Set<String> names = takes.keySet();
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String[]> given : new TreeMap<>(request.getParameterMap()).entrySet()) {
            String name = given.getKey();
            if (!names.contains(name)) {
                problems.add(new FieldProblem(
                        printable(name),
                        "unknown query parameter; this endpoint takes "
                                + (names.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names)))));
            } else if (given.getValue().length > 1 && !takes.get(name)) {
                problems.add(new FieldProblem(name, "given " + given.getValue().length + " times; it takes one value"));
            }
        }
        if (!problems.isEmpty()) {
            throw ClinicalProblemException.invalid(problems);
        }
        return true;
    }

    private static Map<String, Boolean> acceptedNames(HandlerMethod method) {
        Map<String, Boolean> names = new TreeMap<>();
        for (MethodParameter declared : method.getMethodParameters()) {
            MethodParameter parameter = new MethodParameter(declared);
            parameter.initParameterNameDiscovery(NAMES);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                names.put(name, several(parameter.getParameterType()));
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class)
                    && parameter.getParameterType().isRecord()) {
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    names.put(component.getName(), several(component.getType()));
                }
            }
        }
        return names;
    }

    private static boolean several(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type);
    }

    /** The name goes back in the problem: keep it short and harmless. */
    private static String printable(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._$-]", "?");
        return cleaned.length() <= 64 ? cleaned : cleaned.substring(0, 64) + "...";
    }
}

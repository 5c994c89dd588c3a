package org.lianxin.web;

/** What a page tells staff when a route refused its action: the reason the route gave. */
final class RouteFailures {

    private RouteFailures() {
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}

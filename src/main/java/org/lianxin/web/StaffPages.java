package org.lianxin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (the form itself is Spring Security's, see SecurityConfig) and the staff home page. */
@Controller
public class StaffPages {

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/")
    public String home() {
        return "index";
    }
}

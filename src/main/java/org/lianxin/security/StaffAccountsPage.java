package org.lianxin.security;

import java.security.Principal;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/users: the ADMIN keeps the staff accounts — adds desk staff, dispatchers and supervisors, changes their
 * roles, turns a login off, sets a new password. Here rather than in web: accounts are this package's own.
 */
@Controller
@RequestMapping("/admin/users")
public class StaffAccountsPage {

    private final StaffUsers users;

    public StaffAccountsPage(StaffUsers users) {
        this.users = users;
    }

    @GetMapping
    public String list(Model model) {
        model.addAttribute("accounts", users.list());
        model.addAttribute("roles", StaffUsers.ROLES);
        model.addAttribute("minPassword", StaffUsers.MIN_PASSWORD);
        return "admin/users";
    }

    @PostMapping
    public String add(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") List<String> roles,
            RedirectAttributes flash) {
        return done(() -> users.add(username.strip(), password, displayName, roles), username.strip(), flash);
    }

    @PostMapping("/{username}")
    public String update(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") List<String> roles, @RequestParam(defaultValue = "false") boolean enabled,
            Principal admin, RedirectAttributes flash) {
        return done(() -> users.update(username, displayName, roles, enabled, admin.getName()), username, flash);
    }

    @PostMapping("/{username}/password")
    public String password(@PathVariable String username, @RequestParam(defaultValue = "") String password,
            RedirectAttributes flash) {
        return done(() -> users.setPassword(username, password), username, flash);
    }

    private static String done(Runnable change, String username, RedirectAttributes flash) {
        try {
            change.run();
            flash.addFlashAttribute("saved", username);
        } catch (StaffUsers.InvalidAccountException e) {
            flash.addFlashAttribute("refused", e.field() + ": " + e.getMessage());
        }
        return "redirect:/admin/users";
    }
}

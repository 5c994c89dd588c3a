package org.lianxin.web;

import java.util.Arrays;
import java.util.List;

import org.lianxin.directory.Department;
import org.lianxin.directory.DepartmentDirectory;
import org.lianxin.directory.InvalidDepartmentException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/departments: the ADMIN keeps the directory — names, addresses for slips, preferred channels, who may
 * see citizens' phones, and which units are active. Checked like the seed file; an error names its field.
 */
@Controller
@RequestMapping("/admin/departments")
public class DirectoryAdminPage {

    private final DepartmentDirectory directory;

    public DirectoryAdminPage(DepartmentDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    public String list(Model model) {
        model.addAttribute("departments", directory.list());
        return "admin/departments";
    }

    @GetMapping("/new")
    public String create(Model model) {
        return form(model, new Department("", "", Department.Kind.department, List.of(), List.of(), true, true, null,
                false, true), true);
    }

    @GetMapping("/{id}")
    public String edit(@PathVariable String id, Model model) {
        Department d = directory.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return form(model, d, false);
    }

    @PostMapping
    public String save(@RequestParam String id, @RequestParam String name, @RequestParam Department.Kind kind,
            @RequestParam(defaultValue = "") String emails, @RequestParam(defaultValue = "") String mobiles,
            @RequestParam(defaultValue = "false") boolean prefersEmail,
            @RequestParam(defaultValue = "false") boolean prefersSms,
            @RequestParam(required = false) String contactPerson,
            @RequestParam(defaultValue = "false") boolean maySeePhone,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(defaultValue = "false") boolean creating, Model model, RedirectAttributes redirect) {
        Department d = new Department(id.strip(), name, kind, lines(emails), lines(mobiles), prefersEmail, prefersSms,
                contactPerson, maySeePhone, active);
        if (creating && directory.find(d.id()).isPresent()) {
            model.addAttribute("error", new FormError("id", "编号 " + d.id() + " 已被使用"));
            return form(model, d, true);
        }
        try {
            directory.save(d);
        } catch (InvalidDepartmentException e) {
            model.addAttribute("error", new FormError(e.field(), e.getMessage()));
            return form(model, d, creating);
        }
        redirect.addFlashAttribute("saved", d.id());
        return "redirect:/admin/departments";
    }

    private static String form(Model model, Department d, boolean creating) {
        model.addAttribute("d", d);
        model.addAttribute("creating", creating);
        model.addAttribute("kinds", Department.Kind.values());
        return "admin/department";
    }

    /** Addresses typed one per line, or separated by commas or semicolons (全角 too). */
    static List<String> lines(String text) {
        return Arrays.stream(text.split("[\\r\\n,，;；]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

package org.lianxin.triage;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

import org.lianxin.cases.Category;
import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.InvalidIntakeException;
import org.lianxin.cases.RowTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/triage: the admin's view of the learned triage — the current model's held-out figures (accuracy,
 * precision and recall per category, confusion matrix), last week's decisions by rules, model and people and the
 * model's mistakes dispatchers corrected, every stored version with a button to make it current, training now, and
 * importing a labelled archive. Here rather than in web: the models are this package's own.
 */
@Controller
@RequestMapping("/admin/triage")
public class TriageModelPage {

    private static final Duration LAST_WEEK = Duration.ofDays(7);

    private final TriageModels models;
    private final ModelTraining training;
    private final HistoryImport history;
    private final CategoryCatalog catalog;
    private final TriageSettings settings;
    private final Clock clock;

    public TriageModelPage(TriageModels models, ModelTraining training, HistoryImport history,
            CategoryCatalog catalog, TriageSettings settings, Clock clock) {
        this.models = models;
        this.training = training;
        this.history = history;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping
    public String show(Model model) {
        var versions = models.versions();
        Optional<TriageModels.ModelVersion> current = versions.stream().filter(TriageModels.ModelVersion::current)
                .findFirst();
        model.addAttribute("versions", versions);
        model.addAttribute("current", current.orElse(null));
        model.addAttribute("figures", current.map(training::figures).orElse(null));
        model.addAttribute("names", catalog.categories().stream()
                .collect(Collectors.toMap(Category::code, Category::name)));
        model.addAttribute("historySize", models.historySize());
        model.addAttribute("minConfidence", Math.round(settings.model().minConfidence() * 100));
        model.addAttribute("week", models.decisionsSince(RowTime.of(clock).minus(LAST_WEEK)));
        return "admin/triage";
    }

    @PostMapping("/train")
    public String train(Principal admin, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("trained", training.trainNow("user:" + admin.getName()));
        } catch (ModelTraining.TrainingBusy | IllegalStateException e) {
            flash.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/admin/triage";
    }

    @PostMapping("/history")
    public String importArchive(@RequestParam("file") MultipartFile file, Principal admin, RedirectAttributes flash)
            throws IOException {
        try {
            flash.addFlashAttribute("imported", history.importFile(file.getBytes(), admin.getName()));
        } catch (InvalidIntakeException e) {
            flash.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/admin/triage";
    }

    @PostMapping("/models/{version}/current")
    public String makeCurrent(@PathVariable int version, RedirectAttributes flash) {
        try {
            training.makeCurrent(version);
            flash.addFlashAttribute("switchedTo", version);
        } catch (TriageModels.NoSuchVersion e) {
            flash.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/admin/triage";
    }
}

package cn.anwang.casework.cases;

/** Working days allowed for a stage of a case type (table {@code case_deadline_rule}). */
@FunctionalInterface
public interface DeadlineRules {

  int workingDays(CaseType type, Stage stage);
}

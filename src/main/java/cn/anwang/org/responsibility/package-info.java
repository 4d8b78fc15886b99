/**
 * Departments, responsibility rules, their evaluation and preview, the API and pages, and the
 * shipped defaults. Internal to the org module.
 */
package cn.anwang.org.responsibility;

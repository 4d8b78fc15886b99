/**
 * Assessment schemes (考核方案) and score sheets: a district scores its streets, the city its
 * districts, on weighted indicators of the catalogue; sheets are computed from the indicator table,
 * commented on, signed and then frozen. See {@code docs/assessment-schemes.md}.
 */
package cn.anwang.assessment.scheme;

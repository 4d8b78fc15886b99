/**
 * The industrial classification for national economic activities (国民经济行业分类, GB/T 4754-2017) shipped
 * with the application: look-up, hierarchy and the normalisation of codes as people type them. Pure
 * Java; {@link cn.anwang.shared.industry.IndustryConfiguration} only exposes the loaded table as a
 * Spring bean.
 *
 * <p>The standard has four levels: 20 sections (门类, letters A–T), 97 divisions (大类, two digits),
 * groups (中类, three digits: division + one) and classes (小类, four digits: group + one). Division
 * numbers are unique across sections, so a division, group or class code alone identifies its
 * section; the letter is often written in front (C2614) and is accepted, but the canonical code is
 * the digits alone. Sections cover these divisions:
 *
 * <pre>
 * A 01–05  B 06–12  C 13–43  D 44–46  E 47–50  F 51–52  G 53–60  H 61–62  I 63–65  J 66–69
 * K 70     L 71–72  M 73–75  N 76–79  O 80–82  P 83     Q 84–85  R 86–90  S 91–96  T 97
 * </pre>
 */
package cn.anwang.shared.industry;

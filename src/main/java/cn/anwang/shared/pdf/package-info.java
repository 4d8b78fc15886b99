/** PDF helpers shared by the modules that draw PDFs: the shipped CJK font, read once. */
package cn.anwang.shared.pdf;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): checking a typed code and saying what
 * is wrong with it, and generating valid codes for demo and benchmark data. Pure, no Spring.
 */
package cn.anwang.shared.uscc;

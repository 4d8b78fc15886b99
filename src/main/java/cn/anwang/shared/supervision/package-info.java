/**
 * Words of supervision shared by every module that handles supervised objects: the kinds of object
 * (企业, 个体工商户, 小商铺 …) and the hazard features (危险化学品, 粉尘涉爆 …) that decide who supervises them and
 * how closely. Message keys {@code supervision.kind.<NAME>} and {@code supervision.hazard.<NAME>}
 * name them in Chinese and English.
 */
package cn.anwang.shared.supervision;

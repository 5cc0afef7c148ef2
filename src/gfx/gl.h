// The OpenGL API for src/gfx and src/platform: GLES 3.0 / WebGL2 on the web, desktop GL 3.3 core natively.
// CMake defines PAPERTIDE_GL_ES3 for the web build (cmake/Dependencies.cmake); nothing else picks a flavour.
#pragma once

#if defined(PAPERTIDE_GL_ES3)
#include <GLES3/gl3.h>
#else
// Linux: libGL (GLVND) exports every core entry point, so prototypes are enough; no loader needed.
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
#endif

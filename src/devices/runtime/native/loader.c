// The runtime device's bridge to compiled kernels (Node-API, so one build serves every Node
// version with the same ABI level). A kernel library is a shared object of functions
//   void name(void* const* arrays, const int32_t* sizes, double t, double dt, int64_t timestep)
// `bind` resolves one function and fixes the data pointers and lengths of its typed arrays
// (references keep them alive), so that `call` only converts three numbers. When a growing
// array moved or changed length, `update` replaces that one entry.
#include <dlfcn.h>
#include <node_api.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef void (*kernel_fn)(void* const* arrays, const int32_t* sizes, double t, double dt, int64_t timestep);

typedef struct {
  kernel_fn fn;
  void** pointers;
  int32_t* sizes;
  napi_ref* references;
  uint32_t count;
} Bound;

static void** libraries = NULL;
static uint32_t library_count = 0;
static Bound* bounds = NULL;
static uint32_t bound_count = 0;

#define CHECK(env, call)                                  \
  do {                                                    \
    if ((call) != napi_ok) {                              \
      napi_throw_error((env), NULL, "brian-ts native loader: " #call " failed"); \
      return NULL;                                        \
    }                                                     \
  } while (0)

static napi_value number(napi_env env, uint32_t value) {
  napi_value result;
  napi_create_uint32(env, value, &result);
  return result;
}

// open(path) -> library index
static napi_value open_library(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  char path[4096];
  size_t length;
  CHECK(env, napi_get_value_string_utf8(env, argv[0], path, sizeof path, &length));
  void* handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    napi_throw_error(env, NULL, dlerror());
    return NULL;
  }
  void** grown = realloc(libraries, (library_count + 1) * sizeof(void*));
  if (!grown) {
    napi_throw_error(env, NULL, "out of memory");
    return NULL;
  }
  libraries = grown;
  libraries[library_count] = handle;
  return number(env, library_count++);
}

// The data pointer of a typed array (already advanced by the view's byte offset), and a reference
// that keeps its buffer alive while the kernel may use it.
static int set_pointer(napi_env env, napi_value array, void** pointer, napi_ref* reference) {
  napi_typedarray_type type;
  size_t elements, offset;
  napi_value buffer;
  if (napi_get_typedarray_info(env, array, &type, &elements, pointer, &buffer, &offset) != napi_ok ||
      napi_create_reference(env, array, 1, reference) != napi_ok) {
    napi_throw_type_error(env, NULL, "brian-ts native loader: expected a typed array");
    return 0;
  }
  return 1;
}

// bind(library, symbol, typedArrays, lengths) -> bound kernel index
static napi_value bind_kernel(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  uint32_t library;
  CHECK(env, napi_get_value_uint32(env, argv[0], &library));
  if (library >= library_count) {
    napi_throw_range_error(env, NULL, "no such kernel library");
    return NULL;
  }
  char symbol[512];
  size_t length;
  CHECK(env, napi_get_value_string_utf8(env, argv[1], symbol, sizeof symbol, &length));
  kernel_fn fn = (kernel_fn)dlsym(libraries[library], symbol);
  if (!fn) {
    napi_throw_error(env, NULL, dlerror());
    return NULL;
  }
  uint32_t n;
  CHECK(env, napi_get_array_length(env, argv[2], &n));
  void** pointers = calloc(n ? n : 1, sizeof(void*));
  int32_t* sizes = calloc(n ? n : 1, sizeof(int32_t));
  napi_ref* references = calloc(n ? n : 1, sizeof(napi_ref));
  if (!pointers || !sizes || !references) {
    napi_throw_error(env, NULL, "out of memory");
    return NULL;
  }
  for (uint32_t k = 0; k < n; k++) {
    napi_value array, size;
    CHECK(env, napi_get_element(env, argv[2], k, &array));
    CHECK(env, napi_get_element(env, argv[3], k, &size));
    CHECK(env, napi_get_value_int32(env, size, &sizes[k]));
    if (!set_pointer(env, array, &pointers[k], &references[k])) return NULL;
  }
  Bound* grown = realloc(bounds, (bound_count + 1) * sizeof(Bound));
  if (!grown) {
    napi_throw_error(env, NULL, "out of memory");
    return NULL;
  }
  bounds = grown;
  bounds[bound_count].fn = fn;
  bounds[bound_count].pointers = pointers;
  bounds[bound_count].sizes = sizes;
  bounds[bound_count].references = references;
  bounds[bound_count].count = n;
  return number(env, bound_count++);
}

// call(bound, t, dt, timestep)
static napi_value call_kernel(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t k;
  double t, dt;
  int64_t timestep;
  napi_get_value_uint32(env, argv[0], &k);
  napi_get_value_double(env, argv[1], &t);
  napi_get_value_double(env, argv[2], &dt);
  napi_get_value_int64(env, argv[3], &timestep);
  if (k < bound_count && bounds[k].fn) bounds[k].fn(bounds[k].pointers, bounds[k].sizes, t, dt, timestep);
  return NULL;
}

// update(bound, slot, typedArray, length): a growing array moved or changed length
static napi_value update_kernel(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  uint32_t k, slot;
  int32_t size;
  CHECK(env, napi_get_value_uint32(env, argv[0], &k));
  CHECK(env, napi_get_value_uint32(env, argv[1], &slot));
  CHECK(env, napi_get_value_int32(env, argv[3], &size));
  if (k >= bound_count || slot >= bounds[k].count) {
    napi_throw_range_error(env, NULL, "no such kernel array");
    return NULL;
  }
  Bound* b = &bounds[k];
  napi_ref previous = b->references[slot];
  if (!set_pointer(env, argv[2], &b->pointers[slot], &b->references[slot])) return NULL;
  napi_delete_reference(env, previous);
  b->sizes[slot] = size;
  return NULL;
}

// release(bound): the kernel will not be called again; its arrays may be collected
static napi_value release_kernel(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  uint32_t k;
  CHECK(env, napi_get_value_uint32(env, argv[0], &k));
  if (k >= bound_count || !bounds[k].fn) return NULL;
  Bound* b = &bounds[k];
  for (uint32_t slot = 0; slot < b->count; slot++) napi_delete_reference(env, b->references[slot]);
  free(b->pointers);
  free(b->sizes);
  free(b->references);
  b->fn = NULL;
  b->count = 0;
  return NULL;
}

// live() -> number of bound kernels not released (for tests of the device's bookkeeping)
static napi_value live_kernels(napi_env env, napi_callback_info info) {
  (void)info;
  uint32_t live = 0;
  for (uint32_t k = 0; k < bound_count; k++) live += bounds[k].fn != NULL;
  return number(env, live);
}

NAPI_MODULE_INIT() {
  napi_property_descriptor properties[] = {
      {"open", NULL, open_library, NULL, NULL, NULL, napi_enumerable, NULL},
      {"bind", NULL, bind_kernel, NULL, NULL, NULL, napi_enumerable, NULL},
      {"call", NULL, call_kernel, NULL, NULL, NULL, napi_enumerable, NULL},
      {"update", NULL, update_kernel, NULL, NULL, NULL, napi_enumerable, NULL},
      {"release", NULL, release_kernel, NULL, NULL, NULL, napi_enumerable, NULL},
      {"live", NULL, live_kernels, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties);
  return exports;
}

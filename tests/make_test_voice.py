"""Build a tiny Piper-shaped voice (``NAME.onnx`` + ``NAME.onnx.json``) with the onnx package.

The model has a Piper voice's interface: inputs ``input`` int64[1,T], ``input_lengths`` int64[1],
``scales`` float32[3] (noise, length, noise_w) and, for several speakers, ``sid`` int64[1];
output float32[1,1,N]. It "speaks" a sine tone of ``T * floor(256 * length_scale)`` samples
(256 samples per phoneme id, like a real voice's hop length) at 220 Hz * (speaker + 1), so tests
can check the ids' count, the speed and the speaker from the audio alone. ``--work`` adds
convolution layers so the model costs CPU time like a real one (for benchmarks only).

Nothing is downloaded and no binary is committed: tests build the voice in a temporary folder.

    python tests/make_test_voice.py OUTDIR [--speakers 3] [--work 4]
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

HOP = 256
BASE_HZ = 220.0
SAMPLE_RATE = 16000

# Piper's punctuation and eSpeak NG's Vietnamese IPA (tone numbers included): every code point
# the phonemizer produces for Vietnamese news text.
SYMBOLS = (
    "_^$ !'(),-.:;?"
    "abcdefhijklmnoprstuvwxyz"
    "æçðøŋœɐɑɒɓɔɕɗɘəɚɛɜɞɟɠɡɣɤɥɨɪɫɬɯɰɲɳɵɸɹɾʁʂʃʈʉʊʋʌʎʐʑʒʔʝʰʲˈˌːˑβθχ"
    "0123456789\u0303\u032a\u032f\u0329"
)


def phoneme_id_map() -> dict[str, list[int]]:
    """One id per symbol, in Piper's order (pad 0, bos 1, eos 2, space 3)."""
    return {symbol: [i] for i, symbol in enumerate(dict.fromkeys(SYMBOLS))}


def voice_config(speakers: int = 1, sample_rate: int = SAMPLE_RATE) -> dict[str, Any]:
    ids = phoneme_id_map()
    config: dict[str, Any] = {
        "audio": {"sample_rate": sample_rate, "quality": "x_low"},
        "espeak": {"voice": "vi"},
        "language": {"code": "vi_VN"},
        "inference": {"noise_scale": 0.667, "length_scale": 1.0, "noise_w": 0.8},
        "phoneme_type": "espeak",
        "phoneme_map": {},
        "phoneme_id_map": ids,
        "num_symbols": len(ids),
        "num_speakers": speakers,
        "speaker_id_map": {f"speaker{i}": i for i in range(speakers)} if speakers > 1 else {},
        "piper_version": "1.0.0",
    }
    return config


def build_model(speakers: int = 1, sample_rate: int = SAMPLE_RATE, work: int = 0) -> Any:
    """The ONNX ModelProto (requires the ``onnx`` package)."""
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper

    def const(name: str, value: Any, dtype: Any) -> Any:
        return helper.make_node(
            "Constant", [], [name], value=numpy_helper.from_array(np.array(value, dtype=dtype))
        )

    nodes = [
        const("one_i", [1], np.int64),
        const("two_i", [2], np.int64),
        const("hop", [float(HOP)], np.float32),
        const("zero_f", 0.0, np.float32),
        const("one_f", 1.0, np.float32),
        const("step", [2 * math.pi * BASE_HZ / sample_rate], np.float32),
        const("half", [0.5], np.float32),
        const("out_shape_head", [1, 1], np.int64),
        helper.make_node("Shape", ["input"], ["in_shape"]),
        helper.make_node("Slice", ["in_shape", "one_i", "two_i"], ["t"]),
        helper.make_node("Slice", ["scales", "one_i", "two_i"], ["length_scale"]),
        helper.make_node("Mul", ["length_scale", "hop"], ["hop_scaled"]),
        helper.make_node("Floor", ["hop_scaled"], ["hop_floor"]),
        helper.make_node("Cast", ["hop_floor"], ["hop_i"], to=TensorProto.INT64),
        helper.make_node("Mul", ["t", "hop_i"], ["n"]),
        helper.make_node("Cast", ["n"], ["n_f1"], to=TensorProto.FLOAT),
        helper.make_node("Squeeze", ["n_f1"], ["n_f"]),
        helper.make_node("Range", ["zero_f", "n_f", "one_f"], ["ramp"]),
    ]
    if speakers > 1:
        nodes += [
            helper.make_node("Cast", ["sid"], ["sid_f"], to=TensorProto.FLOAT),
            helper.make_node("Add", ["sid_f", "one_f"], ["sid_plus"]),
            helper.make_node("Mul", ["step", "sid_plus"], ["freq"]),
        ]
    else:
        nodes.append(helper.make_node("Identity", ["step"], ["freq"]))
    nodes += [
        helper.make_node("Mul", ["ramp", "freq"], ["phase"]),
        helper.make_node("Sin", ["phase"], ["wave"]),
        helper.make_node("Mul", ["wave", "half"], ["tone"]),
        helper.make_node("Concat", ["out_shape_head", "n"], ["out_shape"], axis=0),
    ]
    initializers = []
    last = "tone_3d"
    nodes.append(helper.make_node("Reshape", ["tone", "out_shape"], [last]))
    rng = np.random.default_rng(0)
    channels, kernel = 64, 7
    for layer in range(work):
        c_in = 1 if layer == 0 else channels
        weight = rng.normal(0, 1 / math.sqrt(c_in * kernel), (channels, c_in, kernel))
        initializers.append(numpy_helper.from_array(weight.astype(np.float32), f"w{layer}"))
        nodes.append(
            helper.make_node(
                "Conv", [last, f"w{layer}"], [f"c{layer}"], pads=[kernel // 2, kernel // 2]
            )
        )
        nodes.append(helper.make_node("Tanh", [f"c{layer}"], [f"a{layer}"]))
        last = f"a{layer}"
    if work:
        weight = rng.normal(0, 1 / math.sqrt(channels), (1, channels, 1)).astype(np.float32)
        initializers.append(numpy_helper.from_array(weight, "w_out"))
        nodes.append(helper.make_node("Conv", [last, "w_out"], ["mixed"]))
        nodes.append(helper.make_node("Add", ["mixed", "tone_3d"], ["output"]))
    else:
        nodes.append(helper.make_node("Identity", [last], ["output"]))

    inputs = [
        helper.make_tensor_value_info("input", TensorProto.INT64, [1, "phonemes"]),
        helper.make_tensor_value_info("input_lengths", TensorProto.INT64, [1]),
        helper.make_tensor_value_info("scales", TensorProto.FLOAT, [3]),
    ]
    if speakers > 1:
        inputs.append(helper.make_tensor_value_info("sid", TensorProto.INT64, [1]))
    outputs = [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, "samples"])]
    graph = helper.make_graph(nodes, "tiny_piper_voice", inputs, outputs, initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model


def make_voice(
    directory: Path,
    speakers: int = 1,
    sample_rate: int = SAMPLE_RATE,
    work: int = 0,
    name: str | None = None,
) -> Path:
    """Write ``NAME.onnx`` and ``NAME.onnx.json`` into ``directory``; return the .onnx path."""
    import onnx

    directory.mkdir(parents=True, exist_ok=True)
    name = name or f"vi_VN-test-{'multi' if speakers > 1 else 'tiny'}"
    model_path = directory / f"{name}.onnx"
    model = build_model(speakers, sample_rate, work)
    onnx.checker.check_model(model)
    onnx.save(model, str(model_path))
    config = voice_config(speakers, sample_rate)
    (directory / f"{name}.onnx.json").write_text(
        json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return model_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--speakers", type=int, default=1)
    parser.add_argument("--sample-rate", type=int, default=SAMPLE_RATE)
    parser.add_argument("--work", type=int, default=0, help="convolution layers (CPU cost)")
    args = parser.parse_args()
    print(make_voice(args.outdir, args.speakers, args.sample_rate, args.work))


if __name__ == "__main__":
    main()
